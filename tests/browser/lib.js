// SPDX-License-Identifier: LGPL-2.1-or-later
// Shared by the browser tests and the Broadway benchmark: the launcher
// serving a program, Debian's chromium driven by playwright-core, and
// screenshots read as pixels.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');

const CHROMIUM = process.env.ATOMR_VIEW_CHROMIUM || '/usr/bin/chromium';
const DEADLINE_MS = 30000;

// Never a browser download: Debian's chromium, a fresh profile each time.
async function launchBrowser () {
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'atomr-view-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 800, height: 600 },
  });
  const page = context.pages()[0] || await context.newPage();
  // Broadway's page says "disconnected" in an alert when its daemon goes away.
  page.on('dialog', (dialog) => dialog.dismiss().catch(() => {}));
  return {
    context,
    page,
    async close () {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Polls @condition (sync or async) until it returns something truthy, or fails after @timeoutMs.
async function waitFor (what, condition, timeoutMs = DEADLINE_MS, intervalMs = 20) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value)
      return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// What a served program writes, line by line: its trace, and the geometry the
// GTK backend writes (ATOMR_VIEW_GTK_DEBUG=geometry).
class ProgramOutput {
  constructor () {
    this.lines = [];
    this.geometry = new Map();
    this.exitStatus = null;
    this.child = null;
  }

  // Follows @child's output and exit.
  follow (child) {
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitStatus = code !== null ? code : 128 + os.constants.signals[signal];
        resolve(this.exitStatus);
      });
    });
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (data) => {
        pending += data;
        const parts = pending.split('\n');
        pending = parts.pop();
        for (const line of parts)
          this.addLine(line);
      });
    }
  }

  addLine (line) {
    const geometry = /^atomr-view-gtk: geometry (\S+) (\S+) (-?\d+) (-?\d+) (\d+) (\d+)$/.exec(line);
    if (geometry) {
      const [, window, key, x, y, width, height] = geometry;
      this.geometry.set(`${window} ${key}`, { x: +x, y: +y, width: +width, height: +height });
      return;
    }
    this.lines.push({ line, at: Date.now() });
    if (process.env.ATOMR_VIEW_TEST_VERBOSE)
      process.stderr.write(`# ${line}\n`);
  }

  // The first line matching @pattern that came after line number @from; returns its match.
  async expectLine (pattern, from = 0, timeoutMs = DEADLINE_MS) {
    return waitFor(`a line matching ${pattern} (the program said: ${this.lines.slice(-5).map((l) => l.line).join(' | ')})`,
      () => {
        if (this.exitStatus !== null && !this.lines.slice(from).some((l) => pattern.test(l.line)))
          throw new Error(`the launcher exited (${this.exitStatus}) before a line matching ${pattern}`);
        for (let i = from; i < this.lines.length; i++) {
          const match = pattern.exec(this.lines[i].line);
          if (match) {
            match.index = i;
            match.at = this.lines[i].at;
            return match;
          }
        }
        return null;
      }, timeoutMs);
  }

  // Where a node's widget is on the page: the window's surface sits at the page's corner.
  async rect (key, window = 'window') {
    return waitFor(`the geometry of ${key}`, () => this.geometry.get(`${window} ${key}`));
  }
}

// The launcher serving @program, with the demo's trace and the geometry on;
// serving() waits for the address and the pids it prints.
class Served extends ProgramOutput {
  constructor (launcher, program, env = {}) {
    super();
    this.follow(spawn(launcher, ['--', program], {
      env: {
        ...process.env,
        ATOMR_VIEW_TODO_TRACE: '1',
        ATOMR_VIEW_GTK_DEBUG: 'geometry',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }));
  }

  async serving () {
    const match = await this.expectLine(
      /serving .* at (http:\/\/\S+) \(Broadway display :(\d+), daemon pid (\d+), program pid (\d+)\)/);
    this.url = match[1];
    this.port = +new URL(this.url).port;
    this.daemonPid = +match[3];
    this.programPid = +match[4];
    return this;
  }

  stop () {
    if (this.exitStatus === null)
      this.child.kill('SIGTERM');
    return this.exited;
  }
}

function center (rect) {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

// -- Screenshots as pixels -------------------------------------------------

function paeth (a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : (pb <= pc ? b : c);
}

// Chromium's PNG screenshots: 8-bit RGB or RGBA, not interlaced.
function decodePng (buffer) {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('ascii', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const color = body[9];
      if (depth !== 8 || (color !== 2 && color !== 6) || body[12] !== 0)
        throw new Error(`unexpected PNG: depth ${depth}, color type ${color}, interlace ${body[12]}`);
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * 3);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? line[i - channels] : 0;
      const up = previous[i];
      const upLeft = i >= channels ? previous[i - channels] : 0;
      if (filter === 1) line[i] = (line[i] + left) & 255;
      else if (filter === 2) line[i] = (line[i] + up) & 255;
      else if (filter === 3) line[i] = (line[i] + ((left + up) >> 1)) & 255;
      else if (filter === 4) line[i] = (line[i] + paeth(left, up, upLeft)) & 255;
    }
    for (let x = 0; x < width; x++)
      line.copy(pixels, (y * width + x) * 3, x * channels, x * channels + 3);
    previous = line;
  }
  return { width, height, pixels };
}

async function screenshot (page) {
  return decodePng(await page.screenshot({ type: 'png' }));
}

function pixel (image, x, y) {
  const i = (y * image.width + x) * 3;
  return [image.pixels[i], image.pixels[i + 1], image.pixels[i + 2]];
}

// How many pixels of @rect satisfy @test(r, g, b).
function countPixels (image, rect, test) {
  let count = 0;
  for (let y = Math.max(0, rect.y); y < Math.min(image.height, rect.y + rect.height); y++)
    for (let x = Math.max(0, rect.x); x < Math.min(image.width, rect.x + rect.width); x++)
      if (test(...pixel(image, x, y)))
        count++;
  return count;
}

// Dark pixels: text.
function darkPixels (image, rect) {
  return countPixels(image, rect, (r, g, b) => 0.299 * r + 0.587 * g + 0.114 * b < 110);
}

// The pixels of @rect, to compare with another shot of the same place.
function crop (image, rect) {
  const out = [];
  for (let y = rect.y; y < rect.y + rect.height; y++)
    for (let x = rect.x; x < rect.x + rect.width; x++)
      out.push(pixel(image, x, y));
  return out;
}

// Pixels that differ by more than @tolerance in a channel: the browser may
// round a blended colour one step apart from one paint to the next.
function differingPixels (a, b, tolerance = 8) {
  let count = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (!a[i] || !b[i] || a[i].some((v, c) => Math.abs(v - b[i][c]) > tolerance))
      count++;
  return count;
}

// -- Processes and sockets ---------------------------------------------------

function processExists (pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code !== 'ESRCH';
  }
}

// The TCP sockets @pid listens on, as /proc/net/tcp writes them ("0100007F:1F90").
function listeningSockets (pid) {
  const inodes = new Set();
  for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
    let target;
    try {
      target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch (error) {
      continue;
    }
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match)
      inodes.add(match[1]);
  }
  const found = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = fs.readFileSync(table, 'utf8').split('\n').slice(1);
    for (const row of rows) {
      const fields = row.trim().split(/\s+/);
      if (fields.length > 9 && fields[3] === '0A' && inodes.has(fields[9]))
        found.push(fields[1]);
    }
  }
  return found;
}

// Processes running gtk4-broadwayd with this port: ours, by the port we gave it.
function daemonsOnPort (port) {
  const found = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue;
    let argv;
    try {
      argv = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch (error) {
      continue;
    }
    if (argv[0] && argv[0].endsWith('gtk4-broadwayd') && argv.includes('--port') &&
        argv[argv.indexOf('--port') + 1] === String(port))
      found.push(+entry);
  }
  return found;
}

function percentile (values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

module.exports = {
  DEADLINE_MS,
  ProgramOutput,
  Served,
  center,
  countPixels,
  crop,
  daemonsOnPort,
  darkPixels,
  differingPixels,
  launchBrowser,
  listeningSockets,
  percentile,
  pixel,
  processExists,
  screenshot,
  waitFor,
};
