/**
 * Test fixtures from transcript 24 (`kubectl apply --server-side --force-conflicts` over a
 * client-side-applied DaemonSet): the field sets the managers own and the request bodies
 * kubectl sent (test helper). They replay what the transcript's stub server answered, to test
 * kubectl's client side of the migration (which copies field sets as they come): kube-apiserver
 * v1.32 would own `f:selector` whole and key ports by `{"containerPort":80,"protocol":"TCP"}`.
 */

/** The field set of `kubectl-last-applied`: only the last-applied annotation. */
export const lastAppliedOnly = {
  "f:metadata": { "f:annotations": { "f:kubectl.kubernetes.io/last-applied-configuration": {} } },
};

/** What `apply --server-side --force-conflicts -f ds.yaml` owns (transcript 24): the manifest's fields. */
export const serverSideFields = {
  "f:metadata": { "f:labels": { "f:app": {} } },
  "f:spec": {
    "f:selector": { "f:matchLabels": { "f:app": {} } },
    "f:template": {
      "f:metadata": { "f:labels": { "f:app": {} } },
      "f:spec": {
        "f:containers": {
          'k:{"name":"nginx"}': {
            ".": {},
            "f:image": {},
            "f:name": {},
            "f:ports": { 'k:{"containerPort":80}': { ".": {}, "f:containerPort": {} } },
          },
        },
      },
    },
  },
};

/** What client-side apply still owns after the forced apply took the image, in scrambled key order. */
export const clientSideFields = {
  "f:spec": {
    "f:updateStrategy": { "f:type": {}, "f:rollingUpdate": { "f:maxUnavailable": {}, "f:maxSurge": {} } },
    "f:template": {
      "f:spec": {
        "f:terminationGracePeriodSeconds": {},
        "f:securityContext": {},
        "f:containers": {
          'k:{"name":"nginx"}': {
            "f:terminationMessagePolicy": {},
            "f:terminationMessagePath": {},
            "f:resources": {},
            "f:ports": { 'k:{"containerPort":80}': { "f:protocol": {}, "f:containerPort": {}, ".": {} } },
            "f:name": {},
            "f:imagePullPolicy": {},
            ".": {},
          },
        },
        "f:schedulerName": {},
        "f:restartPolicy": {},
        "f:dnsPolicy": {},
      },
      "f:metadata": { "f:labels": { "f:app": {} } },
    },
    "f:selector": { "f:matchLabels": { "f:app": {} } },
    "f:revisionHistoryLimit": {},
  },
  "f:metadata": {
    "f:labels": { "f:app": {} },
    "f:annotations": { "f:kubectl.kubernetes.io/last-applied-configuration": {} },
  },
};

/** The JSON patch kubectl sent in transcript 24 (request [138]), byte for byte. */
export const transcriptMigrationPatch =
  '[{"op":"replace","path":"/metadata/managedFields","value":[{"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1","time":"2026-11-29T19:21:58Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:annotations":{"f:kubectl.kubernetes.io/last-applied-configuration":{}},"f:labels":{"f:app":{}}},"f:spec":{"f:revisionHistoryLimit":{},"f:selector":{"f:matchLabels":{"f:app":{}}},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:ports":{"k:{\\"containerPort\\":80}":{".":{},"f:containerPort":{},"f:protocol":{}}},"f:resources":{},"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},"f:dnsPolicy":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},"f:terminationGracePeriodSeconds":{}}},"f:updateStrategy":{"f:rollingUpdate":{"f:maxSurge":{},"f:maxUnavailable":{}},"f:type":{}}}}},{"manager":"kubectl-last-applied","operation":"Apply","apiVersion":"apps/v1","time":"2026-11-29T19:21:58Z","fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:annotations":{"f:kubectl.kubernetes.io/last-applied-configuration":{}}}}}]},{"op":"replace","path":"/metadata/resourceVersion","value":"1079"}]';

/** The body of the server-side apply of `ds.yaml` (requests [136] and [139]), as Go encodes it. */
export const transcriptApplyBody =
  '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"labels":{"app":"nginx"},"name":"nginx","namespace":"default"},"spec":{"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}]}]}}}}';

/** The body kubectl-last-applied sent (request [137]), as Go encodes it. */
export const transcriptLastAppliedBody =
  '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"apps/v1\\",\\"kind\\":\\"DaemonSet\\",\\"metadata\\":{\\"annotations\\":{},\\"labels\\":{\\"app\\":\\"nginx\\"},\\"name\\":\\"nginx\\",\\"namespace\\":\\"default\\"},\\"spec\\":{\\"selector\\":{\\"matchLabels\\":{\\"app\\":\\"nginx\\"}},\\"template\\":{\\"metadata\\":{\\"labels\\":{\\"app\\":\\"nginx\\"}},\\"spec\\":{\\"containers\\":[{\\"image\\":\\"nginx:1.26\\",\\"name\\":\\"nginx\\",\\"ports\\":[{\\"containerPort\\":80}]}]}}}}\\n"},"name":"nginx","namespace":"default"}}';
