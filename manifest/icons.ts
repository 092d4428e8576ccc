// Draws the app's two icons from a small vector design: a voucher (a ticket with notched sides and a
// perforation) carrying a check mark. Shapes are signed distance functions, sampled several times per pixel
// for smooth edges. Run `npx tsx manifest/icons.ts` to rewrite manifest/color.png and manifest/outline.png.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Vec = readonly [number, number];
/** Signed distance from a point to a shape's edge: negative inside, positive outside. */
type Shape = (x: number, y: number) => number;
type Rgb = readonly [number, number, number];

/** The manifest's accent colour; the colour icon's background. */
export const ACCENT: Rgb = [0x0f, 0x6a, 0x80];
const WHITE: Rgb = [255, 255, 255];

export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

const roundedRect =
  (cx: number, cy: number, halfW: number, halfH: number, r: number): Shape =>
  (x, y) => {
    const qx = Math.abs(x - cx) - halfW + r;
    const qy = Math.abs(y - cy) - halfH + r;
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

/** A stroked polyline with round caps and joins. */
const stroke =
  (points: readonly Vec[], halfWidth: number): Shape =>
  (x, y) => {
    let best = Infinity;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
    }
    return best - halfWidth;
  };

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

const subtract =
  (base: Shape, ...holes: Shape[]): Shape =>
  (x, y) =>
    Math.max(base(x, y), ...holes.map((h) => -h(x, y)));

/** The outline of a shape as a band `width` wide centred on its edge. */
const outline =
  (shape: Shape, width: number): Shape =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2;

/** The voucher geometry, in units of the icon's size (0..1), so both icons share one design. */
interface Voucher {
  body: Shape;
  /** x of the perforation that separates the stub (left) from the main part. */
  perforationX: number;
  top: number;
  bottom: number;
  check: Vec[];
}

function voucher(
  size: number,
  halfW: number,
  halfH: number,
  corner: number,
  notch: number,
  checkScale = 1,
): Voucher {
  const c = size / 2;
  const body = subtract(
    roundedRect(c, c, halfW, halfH, corner),
    circle(c - halfW, c, notch),
    circle(c + halfW, c, notch),
  );
  const perforationX = c - halfW * 0.42;
  // The check mark sits in the middle of the main part, right of the perforation.
  const mx = (perforationX + c + halfW) / 2;
  const u = halfH * checkScale;
  const check: Vec[] = [
    [mx - 0.5 * u, c + 0.02 * u],
    [mx - 0.14 * u, c + 0.38 * u],
    [mx + 0.52 * u, c - 0.34 * u],
  ];
  return { body, perforationX, top: c - halfH, bottom: c + halfH, check };
}

/** Coverage (0..1) of a shape over one pixel, from an n×n grid of samples. */
function coverage(shape: Shape, px: number, py: number, n: number): number {
  let inside = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (shape(px + (i + 0.5) / n, py + (j + 0.5) / n) <= 0) inside++;
    }
  }
  return inside / (n * n);
}

/** 192×192: a white voucher on the accent colour, perforation holes and check mark cut out of it. */
export function renderColorIcon(): PNG {
  const size = COLOR_SIZE;
  const v = voucher(size, 60, 38, 9, 11);
  const holes: Shape[] = [];
  for (let y = v.top + 9; y <= v.bottom - 8; y += 10) holes.push(circle(v.perforationX, y, 2.6));
  const ink = subtract(v.body, ...holes, stroke(v.check, 7.5));

  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(ink, x, y, 4);
      const i = (y * size + x) * 4;
      for (let ch = 0; ch < 3; ch++) png.data[i + ch] = Math.round(ACCENT[ch]! * (1 - a) + WHITE[ch]! * a);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** 32×32: the voucher's outline and check mark in white on a transparent background. */
export function renderOutlineIcon(): PNG {
  const size = OUTLINE_SIZE;
  // Whole-pixel edges (a 2 px line centred on an integer coordinate) keep the small icon crisp.
  const v = voucher(size, 14, 10, 2.5, 3.5, 0.85);
  const dashX = Math.floor(v.perforationX) + 0.5;
  const dashes: Shape[] = [];
  for (let y = v.top + 4; y < v.bottom - 3; y += 4) dashes.push(roundedRect(dashX, y, 0.5, 1, 0));
  const ink = union(outline(v.body, 2), ...dashes, stroke(v.check, 1.25));

  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(ink, x, y, 8);
      const i = (y * size + x) * 4;
      // Teams asks for white on transparent: colour is always white, only the alpha carries the shape.
      png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return png;
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

if (require.main === module) {
  for (const [file, png] of [
    ['color.png', renderColorIcon()],
    ['outline.png', renderOutlineIcon()],
  ] as const) {
    writeFileSync(path.join(__dirname, file), encodePng(png));
    console.log(`Wrote manifest/${file} (${png.width}×${png.height})`);
  }
}
