// A QR code as a small inline SVG: uqr encodes, each row's runs of dark modules become one rectangle path.
import { encode } from 'uqr';

const MODULE = 5; // px per module at the default size

/** `label`: the accessible name (role="img"). */
export function qrCodeSvg(text: string, label: string): string {
  const { size, data } = encode(text, { border: 4, ecc: 'M' });
  const runs: string[] = [];
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      runs.push(`M${start} ${y}h${x - start + 1}v1h-${x - start + 1}z`);
    }
  });
  const px = size * MODULE;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label.replace(/[<>&"]/g, '')}" width="${px}" height="${px}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" focusable="false"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${runs.join('')}"/></svg>`;
}
