import { describe, expect, it } from "vitest";
import {
  normaliseDescribeAges,
  normaliseObjectMetadata,
  normalisePort,
  normaliseTableAges,
  normaliseTimestamps,
} from "./normalise-output.js";

describe("normaliseTableAges", () => {
  it.each([
    {
      name: "ages of different widths give the same table once normalised",
      first: [
        "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
        "nginx   2         2         2       2            2           <none>          9s",
        "",
      ].join("\n"),
      second: [
        "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
        "nginx   2         2         2       2            2           <none>          10s",
        "",
      ].join("\n"),
      want: [
        "NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE",
        "nginx   2         2         2       2            2           <none>          <age>",
        "",
      ].join("\n"),
    },
    {
      name: "the columns after AGE move with it, and each table of get all is laid out on its own",
      first: [
        "NAME              READY   STATUS    RESTARTS   AGE   IP           NODE",
        "pod/nginx-r8kp2   1/1     Running   0          10s   10.244.1.2   node-1",
        "",
        "NAME                   DESIRED   AGE",
        "daemonset.apps/nginx   2         3d",
        "",
      ].join("\n"),
      second: [
        "NAME              READY   STATUS    RESTARTS   AGE    IP           NODE",
        "pod/nginx-r8kp2   1/1     Running   0          100s   10.244.1.2   node-1",
        "",
        "NAME                   DESIRED   AGE",
        "daemonset.apps/nginx   2         4d",
        "",
      ].join("\n"),
      want: [
        "NAME              READY   STATUS    RESTARTS   AGE     IP           NODE",
        "pod/nginx-r8kp2   1/1     Running   0          <age>   10.244.1.2   node-1",
        "",
        "NAME                   DESIRED   AGE",
        "daemonset.apps/nginx   2         <age>",
        "",
      ].join("\n"),
    },
    {
      name: "an empty cell (a -L label the object lacks) stays empty",
      first: [
        "NAMESPACE     NAME         AGE   APP     LABELS",
        "default       nginx        9s    nginx   app=nginx",
        "kube-system   kube-proxy   3d            k8s-app=kube-proxy",
      ].join("\n"),
      second: [
        "NAMESPACE     NAME         AGE   APP     LABELS",
        "default       nginx        1s    nginx   app=nginx",
        "kube-system   kube-proxy   2d            k8s-app=kube-proxy",
      ].join("\n"),
      want: [
        "NAMESPACE     NAME         AGE     APP     LABELS",
        "default       nginx        <age>   nginx   app=nginx",
        "kube-system   kube-proxy   <age>           k8s-app=kube-proxy",
      ].join("\n"),
    },
  ])("$name", ({ first, second, want }) => {
    expect(normaliseTableAges(first)).toBe(want);
    expect(normaliseTableAges(second)).toBe(want);
  });

  it("keeps output without an AGE column as it is", () => {
    const text = "daemonset.apps/nginx created\nNAME\tX\n";
    expect(normaliseTableAges(text)).toBe(text);
  });
});

describe("normaliseDescribeAges", () => {
  it("replaces describe times, event ages and pod ages, keeping the columns aligned", () => {
    const text = [
      "CreationTimestamp:  Thu, 26 Nov 2026 19:21:27 +0000",
      "Non-terminated Pods:          (1 in total)",
      "  Namespace                   Name                CPU Requests  Age",
      "  ---------                   ----                ------------  ---",
      "  kube-system                 kube-proxy-c5ltq    0 (0%)        41s",
      "Events:",
      "  Type    Reason            Age   From                  Message",
      "  ----    ------            ----  ----                  -------",
      "  Normal  SuccessfulCreate  5s    daemonset-controller  Created pod: nginx-9phxs",
      "  Normal  SuccessfulCreate  12s   daemonset-controller  Created pod: nginx-9phxs",
    ].join("\n");
    expect(normaliseDescribeAges(text)).toBe(
      [
        "CreationTimestamp:  Mon, 01 Jan 2000 00:00:00 +0000",
        "Non-terminated Pods:          (1 in total)",
        "  Namespace                   Name                CPU Requests  Age",
        "  ---------                   ----                ------------  ---",
        "  kube-system                 kube-proxy-c5ltq    0 (0%)        <age>",
        "Events:",
        "  Type    Reason            Age   From                  Message",
        "  ----    ------            ----  ----                  -------",
        "  Normal  SuccessfulCreate  <age> daemonset-controller  Created pod: nginx-9phxs",
        "  Normal  SuccessfulCreate  <age> daemonset-controller  Created pod: nginx-9phxs",
      ].join("\n"),
    );
  });
});

describe("normalisePort", () => {
  it("replaces the port of every 127.0.0.1 address", () => {
    expect(normalisePort('Serving cluster "demo" at http://127.0.0.1:41235\n')).toBe(
      'Serving cluster "demo" at http://127.0.0.1:PORT\n',
    );
  });
});

describe("normaliseObjectMetadata", () => {
  it.each([
    {
      name: "YAML metadata loses its uid, timestamps and resourceVersion",
      text: '  creationTimestamp: "2026-11-29T19:21:30Z"\n  resourceVersion: "1034"\n  uid: cc9e6e06-4254-4f62-a2b5-c3ed1ebc59ea\n    time: "2026-11-29T19:21:58Z"\n',
      want: '  creationTimestamp: "TIME"\n  resourceVersion: "RV"\n  uid: UID\n    time: "TIME"\n',
    },
    {
      name: "JSON metadata loses the same, and the List's empty resourceVersion stays",
      text: '"creationTimestamp": "2026-11-29T19:21:30Z",\n"resourceVersion": "1034",\n"uid": "cc9e6e06-4254-4f62-a2b5-c3ed1ebc59ea"\n"resourceVersion": ""\n',
      want: '"creationTimestamp": "TIME",\n"resourceVersion": "RV",\n"uid": UID\n"resourceVersion": ""\n',
    },
  ])("$name", ({ text, want }) => {
    expect(normaliseObjectMetadata(text)).toBe(want);
  });
});

describe("normaliseTimestamps", () => {
  it("replaces RFC 3339 times, with or without fractions", () => {
    expect(
      normaliseTimestamps('Saved cluster "demo" at 2026-11-30T01:27:01Z; at 2026-11-30T01:27:01.250Z\n'),
    ).toBe('Saved cluster "demo" at TIME; at TIME\n');
  });
});
