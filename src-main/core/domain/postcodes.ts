/**
 * Postcode → town and the kommune most of the postcode lies in, for Region Midtjylland.
 * A postcode can straddle kommuner, so this only *suggests* a kommune in the form.
 */
const TABLE = `
6880 Tarm 760|6900 Skjern 760|6920 Videbæk 760|6933 Kibæk 657|6940 Lem St 760|6950 Ringkøbing 760
6960 Hvide Sande 760|6971 Spjald 760|6973 Ørnhøj 760|6980 Tim 760|6990 Ulfborg 661
7130 Juelsminde 766|7140 Stouby 766|7150 Barrit 766|7160 Tørring 766|7171 Uldum 766
7330 Brande 756|7361 Ejstrupholm 756|7362 Hampen 756|7400 Herning 657|7430 Ikast 756
7441 Bording 756|7442 Engesvang 756|7451 Sunds 657|7470 Karup J 791|7480 Vildbjerg 657
7490 Aulum 657|7500 Holstebro 661|7540 Haderup 657|7550 Sørvad 657|7560 Hjerm 671|7570 Vemb 671
7600 Struer 671|7620 Lemvig 665|7650 Bøvlingbjerg 665|7660 Bækmarksbro 665|7673 Harboøre 665
7680 Thyborøn 665|7800 Skive 779|7830 Vinderup 661|7850 Stoholm Jyll 779|7860 Spøttrup 779
7870 Roslev 779|7884 Fur 779|8000 Aarhus C 751|8200 Aarhus N 751|8210 Aarhus V 751
8220 Brabrand 751|8230 Åbyhøj 751|8240 Risskov 751|8250 Egå 751|8260 Viby J 751
8270 Højbjerg 751|8300 Odder 727|8305 Samsø 741|8310 Tranbjerg J 751|8320 Mårslet 751
8330 Beder 751|8340 Malling 751|8350 Hundslund 727|8355 Solbjerg 751|8361 Hasselager 751
8362 Hørning 746|8370 Hadsten 710|8380 Trige 751|8381 Tilst 751|8382 Hinnerup 710
8400 Ebeltoft 706|8410 Rønde 706|8420 Knebel 706|8444 Balle 706|8450 Hammel 710
8462 Harlev J 751|8464 Galten 746|8471 Sabro 751|8472 Sporup 710|8500 Grenaa 707
8520 Lystrup 751|8530 Hjortshøj 751|8541 Skødstrup 751|8543 Hornslet 706|8544 Mørke 706
8550 Ryomgård 707|8560 Kolind 706|8570 Trustrup 707|8581 Nimtofte 707|8585 Glesborg 707
8586 Ørum Djurs 707|8592 Anholt 707|8600 Silkeborg 740|8620 Kjellerup 740|8632 Lemming 740
8641 Sorring 740|8643 Ans By 740|8653 Them 740|8654 Bryrup 740|8660 Skanderborg 746
8670 Låsby 746|8680 Ry 746|8700 Horsens 615|8721 Daugård 766|8722 Hedensted 766
8723 Løsning 766|8732 Hovedgård 615|8740 Brædstrup 615|8751 Gedved 615|8752 Østbirk 615
8762 Flemming 615|8763 Rask Mølle 766|8765 Klovborg 766|8766 Nørre Snede 766|8781 Stenderup 766
8783 Hornsyld 766|8800 Viborg 791|8830 Tjele 791|8831 Løgstrup 791|8832 Skals 791
8840 Rødkærsbro 740|8850 Bjerringbro 791|8860 Ulstrup 791|8870 Langå 730|8881 Thorsø 710
8882 Fårvang 740|8883 Gjern 740|8900 Randers C 730|8920 Randers NV 730|8930 Randers NØ 730
8940 Randers SV 730|8950 Ørsted 707|8960 Randers SØ 730|8961 Allingåbro 707|8963 Auning 707
8981 Spentrup 730|8983 Gjerlev J 730|8990 Fårup 730`;

export interface PostcodeInfo {
  postcode: string;
  city: string;
  kommuneCode: number;
}

export const POSTCODES: ReadonlyMap<string, PostcodeInfo> = new Map(
  TABLE.split(/[|\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const m = /^(\d{4}) (.+) (\d{3})$/.exec(entry);
      if (!m) throw new Error(`bad postcode entry ${entry}`);
      const [, postcode = '', city = '', code = ''] = m;
      return [postcode, { postcode, city, kommuneCode: Number(code) }] as const;
    }),
);

export function lookupPostcode(postcode: string): PostcodeInfo | undefined {
  return POSTCODES.get(postcode.trim());
}
