/** The same keys as T, every leaf a string: how each language must mirror the Dutch reference. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
