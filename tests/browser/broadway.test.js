// SPDX-License-Identifier: LGPL-2.1-or-later
// The to-do demo served by atomr-view-broadway, used from Debian's chromium
// the way a person would: look, click, type; then its daemon is killed, the
// page reloaded, and the window must show the same state; nothing may listen
// beyond 127.0.0.1, and no daemon may outlive the program. TAP on stdout.
//
// The steps run in order on one session. GTK 4.8 under Broadway now and then
// ignores, in the widget under the pointer, a click that follows a click in
// a scrolled window (a plain GTK program with a check in a GtkScrolledWindow
// does it too): so no step's click follows a click in the list of tasks.
//
//     node broadway.test.js LAUNCHER TODO-PROGRAM
'use strict';

const lib = require('./lib.js');

const [launcher, todo] = process.argv.slice(2);
const results = [];

// The window's body colour in GTK 4.8's default theme.
const WINDOW_BACKGROUND = [246, 245, 244];
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 3);

async function test (name, body) {
  if (results.some((r) => !r.ok)) {
    results.push({ name, ok: false, skip: 'an earlier step failed' });
    return;
  }
  try {
    await body();
    results.push({ name, ok: true });
  } catch (error) {
    results.push({ name, ok: false, detail: error.stack || String(error) });
  }
}

function assert (condition, message) {
  if (!condition)
    throw new Error(message);
}

async function main () {
  const served = await new lib.Served(launcher, todo).serving();
  const browser = await lib.launchBrowser();
  const page = browser.page;
  const crops = {};

  try {
    await test('the page shows the demo window, text and all', async () => {
      await page.goto(served.url);
      const root = await served.rect('/');
      const summary = await served.rect('summary');
      const title = await served.rect('scroll/tasks/task-1/title');
      await served.expectLine(/^todo: summary 0 of 3 done$/);
      await lib.waitFor('the window, its first task and its summary painted in the page', async () => {
        const shot = await lib.screenshot(page);
        const body = lib.countPixels(shot, root, (...rgb) => near(rgb, WINDOW_BACKGROUND));
        return body > 0.5 * root.width * root.height &&
          lib.darkPixels(shot, summary) > 15 && lib.darkPixels(shot, title) > 15;
      });
    });

    await test('text typed into the entry reaches the actor, and Add adds it', async () => {
      const entry = await served.rect('entry/new');
      const add = await served.rect('entry/add');
      let from = served.lines.length;

      // Add is insensitive while the entry is empty: its label is painted grey.
      if (lib.darkPixels(await lib.screenshot(page), add) > 15)
        throw new Error('the Add button is painted sensitive while the entry is empty');
      await page.mouse.click(lib.center(entry).x, lib.center(entry).y);
      await page.keyboard.type('Buy milk');
      await served.expectLine(/^todo: \/user\/window got entry\/new changed 'Buy milk'$/, from);
      // A click on Add before the scene that makes it sensitive is shown is
      // rightly ignored by GTK: wait for its label to be painted dark.
      await lib.waitFor('the Add button painted sensitive', async () =>
        lib.darkPixels(await lib.screenshot(page), add) > 15);
      from = served.lines.length;
      await page.mouse.click(lib.center(add).x, lib.center(add).y);
      await served.expectLine(/^todo: \/user\/window got entry\/add clicked -$/, from);
      await served.expectLine(/^todo: summary 0 of 4 done$/, from);
      const title = await served.rect('scroll/tasks/task-4/title');
      await lib.waitFor('the new task painted in the page', async () =>
        lib.darkPixels(await lib.screenshot(page), title) > 15);
    });

    await test('a click on a check reaches the window actor and the next frame shows the new summary', async () => {
      const check = await served.rect('scroll/tasks/task-1/done');
      const summary = await served.rect('summary');
      const before = lib.crop(await lib.screenshot(page), summary);
      const from = served.lines.length;
      const { x, y } = lib.center(check);

      await page.mouse.click(x, y);
      await served.expectLine(/^todo: \/user\/window got scroll\/tasks\/task-1\/done toggled true$/, from);
      await served.expectLine(/^todo: summary 1 of 4 done$/, from);
      await lib.waitFor('the summary to change in the page', async () =>
        lib.differingPixels(before, lib.crop(await lib.screenshot(page), summary)) > 10);
    });

    await test('the daemon is killed; after a reload the page shows the same state', async () => {
      const keys = ['summary', 'scroll/tasks/task-1/done', 'scroll/tasks/task-1/title', 'scroll/tasks/task-4/title'];
      const rects = {};
      for (const key of keys)
        rects[key] = await served.rect(key);
      const shot = await lib.screenshot(page);
      for (const key of keys)
        crops[key] = lib.crop(shot, rects[key]);

      const from = served.lines.length;
      const killed = served.daemonPid;
      process.kill(killed, 'SIGKILL');
      const restarted = await served.expectLine(/the Broadway daemon was restarted \(pid (\d+)\)/, from);
      served.daemonPid = +restarted[1];
      served.killedDaemonPid = killed;
      assert(served.daemonPid !== killed, 'the same daemon pid after a restart');
      assert(lib.processExists(served.programPid), 'the program died with its daemon');

      await page.goto(served.url);
      await lib.waitFor('the same pixels as before the daemon died, for ' + keys.join(', '), async () => {
        const again = await lib.screenshot(page);
        return keys.every((key) => lib.differingPixels(crops[key], lib.crop(again, rects[key])) === 0);
      });

      // And it works as before: a new task, typed and entered.
      const entry = lib.center(await served.rect('entry/new'));
      const typed = served.lines.length;
      await page.mouse.click(entry.x, entry.y);
      await page.keyboard.type('Call mum');
      await page.keyboard.press('Enter');
      await served.expectLine(/^todo: \/user\/window got entry\/new activate 'Call mum'$/, typed);
      await served.expectLine(/^todo: summary 1 of 5 done$/, typed);
    });

    await test('nothing of ours listens on any address but 127.0.0.1', async () => {
      const expected = '0100007F:' + served.port.toString(16).toUpperCase().padStart(4, '0');
      const daemon = lib.listeningSockets(served.daemonPid);
      assert(daemon.length === 1 && daemon[0] === expected,
        `the daemon listens on ${JSON.stringify(daemon)}, not only on ${expected}`);
      for (const pid of [served.child.pid, served.programPid]) {
        const sockets = lib.listeningSockets(pid);
        assert(sockets.length === 0, `process ${pid} listens on ${JSON.stringify(sockets)}`);
      }
    });

    await test('closing the window ends the program, and no daemon of ours is left', async () => {
      const root = await served.rect('/');
      // The title bar's close button: the rightmost dark glyph in the band above the content.
      const frameRight = root.x + root.width + 18;
      const shot = await lib.screenshot(page);
      const band = { y: 12, height: root.y - 18 - 12 };
      let close = null;
      for (let x = frameRight - 4; x > frameRight - 80 && close === null; x--)
        for (let y = band.y + 4; y < band.y + band.height - 4; y++)
          if (lib.darkPixels(shot, { x, y, width: 1, height: 1 }) === 1) {
            close = { x: x - 5, y: band.y + band.height / 2 };
            break;
          }
      assert(close !== null, 'no close button found in the title bar');
      const from = served.lines.length;
      await page.mouse.click(close.x, close.y);
      await served.expectLine(/^todo: \/user\/window got \/ close-request -$/, from);
      const status = await served.exited;
      assert(status === 0, `the launcher exited with ${status}`);
      await lib.waitFor('the daemons to be gone', () =>
        !lib.processExists(served.daemonPid) && !lib.processExists(served.killedDaemonPid) &&
        !lib.processExists(served.programPid));
      const left = lib.daemonsOnPort(served.port);
      assert(left.length === 0, `gtk4-broadwayd processes left on port ${served.port}: ${left}`);
    });
  } finally {
    await browser.close();
    await served.stop();
  }

  console.log(`1..${results.length}`);
  results.forEach((r, i) => {
    if (r.skip)
      console.log(`not ok ${i + 1} - ${r.name} # ${r.skip}`);
    else
      console.log(`${r.ok ? 'ok' : 'not ok'} ${i + 1} - ${r.name}`);
    if (r.detail)
      for (const line of r.detail.split('\n'))
        console.log(`# ${line}`);
  });
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

main().catch((error) => {
  console.log('Bail out! ' + String(error.stack || error).split('\n').join(' / '));
  process.exitCode = 1;
});
