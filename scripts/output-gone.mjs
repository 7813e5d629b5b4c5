/**
 * What `npm start` does when nothing reads its output any more: the terminal was closed, or the
 * supervisor or test runner that started it, and held the other end of its stdout and stderr
 * pipes, died. Every log line then fails with EPIPE, an error nobody handles. Next catches every
 * uncaught error and logs it with console.error, which fails the same way: the server spun on one
 * core, writing nothing, and a SIGTERM never got its turn (seen: a server left behind by a killed
 * end-to-end run held a core for 40 minutes, and its data folder's lock with it).
 *
 * Now an error on stdout or stderr means the output is gone: the server stops as it does on
 * SIGTERM (Next's own shutdown: no new connections, requests in flight finished, the database
 * closed and the data folder's lock released at exit). A supervisor that restarts it gives it new
 * pipes. Later failed writes are ignored.
 */

/**
 * @param {{ streams?: NodeJS.WritableStream[], stop?: () => void }} [options]
 */
export function stopWhenOutputCloses({ streams = [process.stdout, process.stderr], stop = () => process.kill(process.pid, 'SIGTERM') } = {}) {
  let stopping = false;
  for (const stream of streams) {
    stream.on('error', () => {
      if (stopping) return;
      stopping = true;
      stop();
    });
  }
}
