/** This package's version (kept equal to package.json's by a test). */
export const httpClientVersion = "0.1.0";

/** The `User-Agent` requests carry unless told otherwise: `kubesim/<version>`. */
export const defaultUserAgent = `kubesim/${httpClientVersion}`;
