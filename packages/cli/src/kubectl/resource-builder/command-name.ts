/**
 * The name kubectl's messages use for the running binary (kubectl takes it from
 * `os.Args[0]`): `See 'kubesim taint -h' for help and examples`, `kubesim apply should only
 * be used on resources created declaratively`.
 */
export const commandName = "kubesim";
