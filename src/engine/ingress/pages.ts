// The error pages ingress-nginx's nginx serves itself (server_tokens off, so no version):
// 404 when no Ingress rule matches, 503 when the backend Service is missing or has no ready
// endpoints, 502 when the upstream refuses, 504 when it does not answer.
const page = (code: number, text: string) => `<html>
<head><title>${code} ${text}</title></head>
<body>
<center><h1>${code} ${text}</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

export const STATUS_TEXT: Record<number, string> = {
  404: 'Not Found',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

export function errorPage(code: 404 | 502 | 503 | 504): string {
  return page(code, STATUS_TEXT[code]);
}
