import { runCli } from './main';

runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  stdin: process.stdin,
}).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('obmin: internal error\n');
    process.exitCode = 1;
  },
);
