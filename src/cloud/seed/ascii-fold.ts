// Mail addresses and UPNs are ASCII; display names keep their accents. Letters that Unicode does
// not decompose (ł, ø, ı, ß...) are spelled out the way mail administrators usually do.

const SPELLED: Readonly<Record<string, string>> = {
  ł: "l",
  Ł: "l",
  ø: "o",
  Ø: "o",
  ı: "i",
  ß: "ss",
  æ: "ae",
  Æ: "ae",
  œ: "oe",
  Œ: "oe",
  đ: "d",
  Đ: "d",
  þ: "th",
  ð: "d",
};

/** "Łukasz" -> "lukasz", "O'Brien" -> "obrien", "de Vries" -> "devries". */
export function asciiFold(name: string): string {
  let spelled = "";
  for (const ch of name) spelled += SPELLED[ch] ?? ch;
  return spelled
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
