// scenarios/ingress.scenario and scenarios/networkpolicy.scenario replayed headless: each
// transcript must show what the file's comment promises.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../index';
import { parseScenario, runScenario } from '../scenario/index';

const DIR = join(__dirname, '..', '..', '..', 'scenarios');

function transcript(file: string, seed = 1): string {
  const cluster = createCluster({ seed });
  return runScenario(cluster, parseScenario(readFileSync(join(DIR, file), 'utf8')), { readFile: (p: string) => readFileSync(join(DIR, p), 'utf8') }).transcript;
}

function outputOf(t: string, command: string, n = -1): string {
  const b = t.split(/^\$ /m).filter((x) => x.startsWith(command)).at(n) ?? '';
  return b.slice(b.indexOf('\n') + 1);
}

describe('scenarios/', () => {
  it('ingress: address, host/path routing, 404, 503, traffic', () => {
    const t = transcript('ingress.scenario');
    expect(outputOf(t, 'kubectl get ingressclass')).toMatch(/nginx\s+k8s\.io\/ingress-nginx\s+<none>/);
    expect(outputOf(t, 'kubectl get ingress\n', 0)).toMatch(/shop\s+nginx\s+shop\.example\.com\s+80\s+0s/);
    expect(outputOf(t, 'kubectl get ingress\n', 1)).toMatch(/shop\s+nginx\s+shop\.example\.com\s+172\.18\.0\.2\s+80\s+10s/);
    expect(outputOf(t, "kubectl exec client -- curl -s -H 'Host: shop.example.com' http://172.18.0.2/\n")).toBe('store\n');
    expect(outputOf(t, "kubectl exec client -- curl -s -H 'Host: shop.example.com' http://172.18.0.2/api/orders")).toBe('api\n');
    expect(outputOf(t, "kubectl exec client -- curl -s -H 'Host: other.example.com'")).toContain('404 Not Found');
    expect(outputOf(t, "kubectl exec client -- curl -s -H 'Host: shop.example.com' http://172.18.0.2/old")).toContain('503 Service Temporarily Unavailable');
    expect(outputOf(t, 'sim traffic status')).toMatch(/ingress\/shop\s+20\s+external\s+100\s+0\s+/);
    expect(outputOf(t, 'sim traffic status')).not.toMatch(/default\/store-/);
  });

  it('networkpolicy: default deny, then allow the labelled client', () => {
    const t = transcript('networkpolicy.scenario');
    expect(outputOf(t, 'kubectl exec frontend -- wget')).toContain('Welcome to nginx!');
    expect(outputOf(t, 'kubectl exec frontend -- curl -s -m 5 http://web', 0)).toContain('curl: (28) Connection timed out after 5001 milliseconds');
    expect(outputOf(t, 'kubectl exec frontend -- curl -s -m 5 http://web', 1)).toContain('Welcome to nginx!');
    expect(outputOf(t, 'kubectl exec other -- curl -s -m 5 http://web')).toContain('curl: (28)');
    expect(outputOf(t, 'kubectl get netpol', 1)).toMatch(/allow-frontend\s+app=web\s+\d+s\ndefault-deny-ingress\s+<none>\s+\d+s/);
    const st = outputOf(t, 'sim traffic status');
    // Both generators count under the target svc/web: 40 requests, the 20 from `other` dropped.
    expect(st).toMatch(/svc\/web\s+10\s+default\/frontend\s+40\s+20\s+/);
    expect(st).toMatch(/svc\/web\s+10\s+default\/other\s+40\s+20\s+/);
  });
});
