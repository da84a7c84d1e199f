import type { UpdateStatus, updatesContract } from '../contract/updates';
import type { AreaHandlers } from './types';

const OFF: UpdateStatus = { state: 'off', version: null, notes: null, message: null, installsOnQuit: false };

export const updatesHandlers: AreaHandlers<typeof updatesContract> = {
  'updates.status': ({ openForms }, { updates }) => updates?.status(openForms) ?? OFF,
};
