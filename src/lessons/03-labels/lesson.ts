import { defineLesson } from '../types';

const getWithSelector = (re: string) => ({ commandRan: { matches: `^(kubectl )?get (pods|pod|po)\\b.*(-l|--selector)[ =]?['"]?${re}` } });

export default defineLesson({
  id: 'labels',
  number: 3,
  title: 'Labels and selectors',
  summary: 'Tag objects with labels and pick them out with selectors.',
  setup: { seed: 3 },
  steps: [
    {
      id: 'apply',
      title: 'Create labelled pods',
      check: { count: { resource: '/pods', namespace: 'default', selector: 'app=shop', phase: 'Running' }, equals: 4 },
      hint: 'Apply manifests/pods.yaml and wait until four pods are Running.',
      solution: ['kubectl apply -f manifests/pods.yaml', 'sleep 20s'],
    },
    {
      id: 'show',
      title: 'Show the labels',
      check: { commandRan: { matches: '^(kubectl )?get (pods|pod|po)\\b.*--show-labels' } },
      hint: 'Run `kubectl get pods --show-labels`.',
      solution: ['kubectl get pods --show-labels'],
    },
    {
      id: 'equality',
      title: 'Select by equality',
      check: getWithSelector('[\\w./-]+\\s*(!=|==|=)'),
      hint: 'Run `kubectl get pods -l tier=frontend`, then try `-l tier!=frontend`.',
      solution: ['kubectl get pods -l tier=frontend'],
    },
    {
      id: 'set-based',
      title: 'Select by set',
      check: getWithSelector('[\\w./-]+\\s+(in|notin)\\s*\\('),
      hint: 'Run `kubectl get pods -l \'env in (prod,staging)\'`.',
      solution: ["kubectl get pods -l 'env in (prod,staging)'"],
    },
    {
      id: 'relabel',
      title: 'Change a label',
      check: { count: { resource: '/pods', namespace: 'default', selector: 'app=shop,env=prod' }, equals: 3 },
      hint: 'Apply manifests/pods-relabelled.yaml: it moves front-dev to env=prod.',
      solution: ['kubectl apply -f manifests/pods-relabelled.yaml'],
    },
    {
      id: 'delete',
      title: 'Delete by label',
      check: { all: [{ commandRan: { matches: '^(kubectl )?delete (pods|pod|po)\\b.*(-l|--selector)' } }, { count: { resource: '/pods', namespace: 'default', selector: 'app=shop,env=dev' }, equals: 0 }, { count: { resource: '/pods', namespace: 'default', selector: 'app=shop' }, atLeast: 1 }] },
      hint: 'Run `kubectl delete pods -l env=dev`.',
      solution: ['kubectl delete pods -l env=dev'],
    },
  ],
  quiz: [
    {
      question: 'Which pods does `-l \'tier=frontend,env notin (dev)\'` select?',
      choices: ['Frontend pods, and also every pod not in dev', 'Frontend pods whose env label is not dev (or is missing)', 'Only pods with no env label'],
      answer: 1,
      why: 'Comma means AND. `notin` also matches objects that do not have the key at all.',
    },
    {
      question: 'Why do Services and ReplicaSets find their pods by label selector rather than by a list of names?',
      choices: ['Names are too long', 'Pods come and go with new names; labels describe what a pod is', 'Selectors are faster to type'],
      answer: 1,
      why: 'A replacement pod gets a new name but the same labels, so the selector keeps matching without anyone updating a list.',
    },
  ],
});
