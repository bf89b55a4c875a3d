/**
 * SUV windows and colour maps. A look-up table maps every uint16 level of a case's frames straight to a
 * packed RGBA pixel, so drawing a slice is one table read per pixel; frames of a case share offset and
 * scale (docs/slices.md), so one table serves every plane until the window or map changes.
 */
export type ColourMap = 'gray-inverted' | 'gray' | 'pet';

export interface SuvWindow {
  readonly lo: number;
  readonly hi: number;
}

/** The presets readers use for whole-body FDG, in SUV. */
export const WINDOW_PRESETS: ReadonlyArray<{ name: string; window: SuvWindow }> = [
  { name: 'SUV 0–5', window: { lo: 0, hi: 5 } },
  { name: 'SUV 0–10', window: { lo: 0, hi: 10 } },
  { name: 'SUV 0–20', window: { lo: 0, hi: 20 } },
];

/** Control points of the PET ("hot iron") map: black, red, orange, yellow, white. */
const PET_POINTS: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.0, 0, 0, 0], [0.35, 160, 0, 0], [0.6, 255, 96, 0], [0.85, 255, 220, 40], [1.0, 255, 255, 255],
];

/** The colour of t in [0, 1] as [r, g, b]. */
export function colourAt(map: ColourMap, t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t));
  if (map === 'gray') {
    const g = Math.round(255 * x);
    return [g, g, g];
  }
  if (map === 'gray-inverted') {
    const g = Math.round(255 * (1 - x));
    return [g, g, g];
  }
  for (let n = 1; n < PET_POINTS.length; n++) {
    const [t1, r1, g1, b1] = PET_POINTS[n];
    if (x <= t1) {
      const [t0, r0, g0, b0] = PET_POINTS[n - 1];
      const f = (x - t0) / (t1 - t0);
      return [Math.round(r0 + f * (r1 - r0)), Math.round(g0 + f * (g1 - g0)), Math.round(b0 + f * (b1 - b0))];
    }
  }
  return [255, 255, 255];
}

/** Packs a colour as the little-endian RGBA word that ImageData's Uint32 view expects. */
export function packRgba(r: number, g: number, b: number, a = 255): number {
  return ((a << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/**
 * Level → RGBA table for frames whose value is offset + scale * level: values at or below the window's
 * low end get the map's first colour, at or above its high end the last.
 */
export function levelTable(map: ColourMap, window: SuvWindow, offset: number, scale: number): Uint32Array {
  const steps = 256;
  const palette = new Uint32Array(steps);
  for (let n = 0; n < steps; n++) {
    const [r, g, b] = colourAt(map, n / (steps - 1));
    palette[n] = packRgba(r, g, b);
  }
  const table = new Uint32Array(65536);
  const width = Math.max(1e-6, window.hi - window.lo);
  for (let level = 0; level < 65536; level++) {
    const t = (offset + scale * level - window.lo) / width;
    table[level] = palette[Math.min(steps - 1, Math.max(0, Math.round(t * (steps - 1))))];
  }
  return table;
}

/** Parses "#rrggbb" to [r, g, b]. */
export function parseHexColour(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}
