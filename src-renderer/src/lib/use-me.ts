import { useEffect, useState } from 'react';
import { api } from '../api';
import type { Consultant } from '../api/types';

/** The consultant the user is ("Mine"); null while no name is set in Settings. */
export function useMe(onError: (err: unknown) => void): Consultant | null {
  const [me, setMe] = useState<Consultant | null>(null);
  useEffect(() => {
    api.call('identity.get', {}).then((i) => setMe(i.consultant), onError);
  }, [onError]);
  return me;
}
