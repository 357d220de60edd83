// The tools of the kubernetes.io replicated MySQL tutorial's images, as data for the program table
// (commands.ts IMAGE_PROGRAMS): the `mysql` client and `mysqladmin` of mysql:5.7/8, and ncat,
// xtrabackup and xbstream of gcr.io/google-samples/xtrabackup. They do what the StatefulSet's
// scripts and probes need: `mysql -h 127.0.0.1 -e 'SELECT 1'` answers once mysqld in the pod
// accepts connections (localPortAt), `ncat --listen … -c 'xtrabackup --backup …'` serves a backup
// stream on 3307, and a peer's `ncat --recv-only mysql-0.mysql 3307 | xbstream -x -C DIR` unpacks
// it (xtrabackup_binlog_info from the primary, xtrabackup_slave_info from a replica).
// No SQL is interpreted: every statement succeeds once the server is up.
import type { Builtin } from './commands';

type Impl = (b: Builtin, args: string[]) => number;

const MYSQL_PORT = 3306;

function out(b: Builtin, text: string): void {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (body) for (const l of body.split('\n')) b.out(l);
}

/** Is mysqld (any container of the pod) accepting connections on localhost:3306 right now? */
function localServerUp(b: Builtin): boolean {
  const at = b.input.localPortAt?.(MYSQL_PORT);
  const now = (b.input.startedAt ?? 0) + b.t;
  // Waiting for a server that will come: the answer changes with time (no loop template).
  if (at !== undefined && now < at) b.timeDependent = true;
  return at !== undefined && now >= at;
}

function flag(a: string[], short: string, long: string): string | undefined {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === short || a[i] === long) return a[i + 1];
    if (a[i].startsWith(`${long}=`)) return a[i].slice(long.length + 1);
    if (a[i].startsWith(short) && a[i].length > short.length && !a[i].startsWith('--')) return a[i].slice(short.length);
  }
  return undefined;
}

const mysql: Impl = (b, a) => {
  const host = flag(a, '-h', '--host') ?? 'localhost';
  const local = host === 'localhost' || host === '127.0.0.1';
  const up = local ? localServerUp(b) : b.input.connect?.(host, MYSQL_PORT)?.ok === true;
  b.sleep(5);
  if (!up) {
    b.err(host === 'localhost'
      ? "ERROR 2002 (HY000): Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)"
      : `ERROR 2003 (HY000): Can't connect to MySQL server on '${host}' (111)`);
    return 1;
  }
  const sql = flag(a, '-e', '--execute') ?? '';
  const select = /^\s*SELECT\s+(\d+)\s*;?\s*$/i.exec(sql);
  if (select) out(b, `${select[1]}\n${select[1]}`);
  return 0;
};

const mysqladmin: Impl = (b, a) => {
  if (!a.includes('ping')) return 0;
  if (localServerUp(b)) {
    b.out('mysqld is alive');
    return 0;
  }
  b.err("mysqladmin: connect to server at 'localhost' failed");
  b.err("error: 'Can't connect to local MySQL server through socket '/var/run/mysqld/mysqld.sock' (2)'");
  b.err("Check that mysqld is running and that the socket: '/var/run/mysqld/mysqld.sock' exists!");
  return 1;
};

const ncat: Impl = (b, a) => {
  const ci = a.findIndex((x) => x === '-c' || x === '--sh-exec' || x === '-e' || x === '--exec');
  const words = a.filter((x, i) => !x.startsWith('-') && i !== ci + 1 && !/^--max-conns$/.test(a[i - 1] ?? ''));
  if (a.includes('--listen') || a.includes('-l')) {
    // A server: each client gets the command's output (computed once, when ncat starts).
    const port = Number(words[words.length - 1]) || 31337;
    const sends = ci >= 0 ? b.capture(a[ci + 1] ?? '') : '';
    return b.forever({ ports: [port], sends, startupMs: 10, stopMs: 10, ignoresSigterm: !b.pid1 });
  }
  const [host, port] = words;
  const r = b.input.connect?.(host ?? '', Number(port) || 0);
  if (!r || !r.ok) {
    b.err(`Ncat: ${r ? r.message : 'Connection refused'}.`);
    return 1;
  }
  b.sleep(2000);
  out(b, r.data);
  return 0;
};

/** `xtrabackup --backup --stream=xbstream`: the data directory as `xbstream<TAB>file<TAB>json` lines. */
const xtrabackup: Impl = (b, a) => {
  if (a.includes('--prepare')) {
    b.sleep(1500);
    b.err('xtrabackup version 2.4.4 based on MySQL server 5.7.13 Linux (x86_64) (revision id: df58cf2)');
    b.err('xtrabackup: Starting InnoDB instance for recovery.');
    b.err('InnoDB: Shutdown completed; log sequence number 2549814');
    b.err('completed OK!');
    return 0;
  }
  if (!a.includes('--backup')) return 0;
  const dir = '/var/lib/mysql';
  const files: [string, string][] = [['ibdata1', ''], ['mysql/user.frm', '']];
  if (b.files.has('/etc/mysql/conf.d/primary.cnf')) files.push(['xtrabackup_binlog_info', `${b.input.hostname}-bin.000003\t154\n`]);
  const replica = b.files.get(`${dir}/change_master_to.sql.orig`);
  const pos = replica && /MASTER_LOG_FILE='([^']+)',\s*MASTER_LOG_POS=(\d+)/.exec(replica);
  if (a.includes('--slave-info') && pos) files.push(['xtrabackup_slave_info', `CHANGE MASTER TO MASTER_LOG_FILE='${pos[1]}', MASTER_LOG_POS=${pos[2]};\n`]);
  for (const [name, content] of files) b.out(`xbstream\t${name}\t${JSON.stringify(content)}`);
  return 0;
};

const xbstream: Impl = (b, a) => {
  const ci = a.indexOf('-C');
  const dir = b.abs(ci >= 0 ? a[ci + 1] ?? '.' : '.');
  for (const line of (b.stdin() ?? '').split('\n')) {
    const m = /^xbstream\t([^\t]+)\t(.*)$/.exec(line);
    if (m) b.writeFile(`${dir}/${m[1]}`, JSON.parse(m[2]) as string);
  }
  return 0;
};

export const MYSQL_PROGRAMS: Record<string, Record<string, Impl>> = {
  mysql: { mysql, mysqladmin },
  'gcr.io/google-samples/xtrabackup': { mysql, ncat, xtrabackup, xbstream },
};
