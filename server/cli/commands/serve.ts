import { runServer } from '../../main';

/** `trellis serve [--port 5170] [--host 127.0.0.1] [--db PATH] [--durable]` */
export function main(args: string[]): Promise<number> {
  return runServer(args, process.env);
}
