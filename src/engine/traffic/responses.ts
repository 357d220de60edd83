// What a simulated server answers to `GET <path>`, by image: nginx's welcome page (615 bytes),
// httpd's "It works!", the pod's hostname for echo-style images (agnhost netexec/serve-hostname,
// http-echo prints its -text). No Kubernetes file mirrors this: it stands in for the container.
import type { ContainerInstance } from '../kubelet/runtime';

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const NGINX_404 = (version: string) => `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${version}</center>
</body>
</html>
`;

export interface HttpResponse {
  status: number;
  body: string;
  /** Access-log format of the server, if it writes one to stdout. */
  log?: 'nginx' | 'httpd';
  /** The answer is not HTTP at all (redis, mysql…): curl reports an empty reply. */
  notHttp?: boolean;
}

/** The web-server family of an image repository. */
export function serverFamily(repository: string): 'nginx' | 'httpd' | 'echo' | 'hello-app' | 'whoami' | 'other' {
  if (/(^|\/)nginx(-slim)?$|hello-frontend|echoserver/.test(repository)) return 'nginx';
  if (/(^|\/)httpd$|hpa-example|gb-frontend|wordpress/.test(repository)) return 'httpd';
  if (/agnhost|http-echo/.test(repository)) return 'echo';
  if (/hello-app|hello-go/.test(repository)) return 'hello-app';
  if (/whoami/.test(repository)) return 'whoami';
  return 'other';
}

export function respond(repository: string, inst: ContainerInstance, argv: string[], path: string, hostname: string, podIP: string): HttpResponse {
  const family = serverFamily(repository);
  const tag = /:([^@]+)/.exec(inst.image)?.[1] ?? '1.27.4';
  switch (family) {
    case 'nginx':
      if (path === '/' || path === '/index.html') return { status: 200, body: NGINX_WELCOME, log: 'nginx' };
      return { status: 404, body: NGINX_404(/^\d/.test(tag) ? tag : '1.27.4'), log: 'nginx' };
    case 'httpd':
      if (path === '/' || path === '/index.html') return { status: 200, body: '<html><body><h1>It works!</h1></body></html>\n', log: 'httpd' };
      return { status: 404, body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n', log: 'httpd' };
    case 'echo': {
      const text = argv.map((a) => /^-?-text=(.*)$/.exec(a)?.[1]).find((x) => x !== undefined);
      if (text !== undefined) return { status: 200, body: `${text}\n` };
      return { status: 200, body: hostname };
    }
    case 'hello-app':
      return { status: 200, body: `Hello, world!\nVersion: ${tag.startsWith('2') ? '2.0.0' : '1.0.0'}\nHostname: ${hostname}\n` };
    case 'whoami':
      return { status: 200, body: `Hostname: ${hostname}\nIP: 127.0.0.1\nIP: ${podIP}\nGET ${path} HTTP/1.1\n` };
    default:
      return { status: 0, body: '', notHttp: true };
  }
}
