// The built-in field table kubectl explain uses until the editor's schema is registered
// (see schema.ts): the fields of Pod, Deployment and Service students meet first, in the
// same JSON Schema shape, with short descriptions.
import type { ExplainSchema, SchemaNode } from './schema';

const s = (description: string): SchemaNode => ({ type: 'string', description });
const n = (description: string): SchemaNode => ({ type: 'number', description });
const ref = (name: string, description: string): SchemaNode => ({ $ref: `#/definitions/${name}`, description });
const arr = (name: string, description: string): SchemaNode => ({ type: 'array', items: { $ref: `#/definitions/${name}` }, description });
const map = (description: string): SchemaNode => ({ type: 'object', additionalProperties: { type: 'string' }, description });
const TYPE_META = {
  apiVersion: s('APIVersion defines the versioned schema of this representation of an object.'),
  kind: s('Kind is a string value representing the REST resource this object represents.'),
  metadata: ref('ObjectMeta', "Standard object's metadata."),
};

export const FALLBACK_SCHEMA: ExplainSchema = {
  definitions: {
    Pod: { type: 'object', description: 'Pod is a collection of containers that can run on a host.', properties: { ...TYPE_META, spec: ref('PodSpec', 'Specification of the desired behavior of the pod.') } },
    Deployment: { type: 'object', description: 'Deployment enables declarative updates for Pods and ReplicaSets.', properties: { ...TYPE_META, spec: ref('DeploymentSpec', 'Specification of the desired behavior of the Deployment.') } },
    Service: { type: 'object', description: 'Service is a named abstraction of software service consisting of local port that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.', properties: { ...TYPE_META, spec: ref('ServiceSpec', 'Spec defines the behavior of a service.') } },
    ObjectMeta: {
      type: 'object',
      description: 'ObjectMeta is metadata that all persisted resources must have.',
      properties: { annotations: map('Annotations is an unstructured key value map.'), labels: map('Map of string keys and values that can be used to organize and categorize objects.'), name: s('Name must be unique within a namespace.'), namespace: s('Namespace defines the space within which each name must be unique.') },
    },
    PodSpec: {
      type: 'object',
      description: 'PodSpec is a description of a pod.',
      required: ['containers'],
      properties: { containers: arr('Container', 'List of containers belonging to the pod.'), nodeName: s('The node the pod is bound to.'), nodeSelector: map('Labels a node must have for the pod to fit on it.'), restartPolicy: s('Restart policy for all containers within the pod: Always, OnFailure or Never.') },
    },
    Container: {
      type: 'object',
      description: 'A single application container that you want to run within a pod.',
      required: ['name'],
      properties: { image: s('Container image name.'), name: s('Name of the container specified as a DNS_LABEL.'), ports: arr('ContainerPort', 'List of ports to expose from the container.') },
    },
    ContainerPort: { type: 'object', description: 'ContainerPort represents a network port in a single container.', required: ['containerPort'], properties: { containerPort: n("Number of port to expose on the pod's IP address."), name: s('A name for the port.') } },
    DeploymentSpec: {
      type: 'object',
      description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
      required: ['selector', 'template'],
      properties: { replicas: n('Number of desired pods. Defaults to 1.'), selector: ref('LabelSelector', 'Label selector for pods.'), template: ref('PodTemplateSpec', 'Template describes the pods that will be created.') },
    },
    LabelSelector: { type: 'object', description: 'A label selector is a label query over a set of resources.', properties: { matchLabels: map('matchLabels is a map of {key,value} pairs.') } },
    PodTemplateSpec: { type: 'object', description: 'PodTemplateSpec describes the data a pod should have when created from a template.', properties: { metadata: ref('ObjectMeta', "Standard object's metadata."), spec: ref('PodSpec', 'Specification of the desired behavior of the pod.') } },
    ServiceSpec: { type: 'object', description: 'ServiceSpec describes the attributes that a user creates on a service.', properties: { ports: arr('ServicePort', 'The list of ports that are exposed by this service.'), selector: map('Route service traffic to pods with label keys and values matching this selector.'), type: s('type determines how the Service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.') } },
    ServicePort: { type: 'object', description: "ServicePort contains information on service's port.", required: ['port'], properties: { port: n('The port that will be exposed by this service.'), targetPort: { type: ['number', 'string'], description: 'Number or name of the port to access on the pods targeted by the service.' } } },
  },
};
