/**
 * Type-level checks that the authoring API and the IR agree: every builder's option keys are
 * exactly its IR kind's fields (renames and derived fields listed explicitly), and every list
 * of keys the builders split options by is complete. A mismatch is a `tsc` error naming the
 * keys on either side.
 */

/** Whether two types are the same. */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The keys a builder's own options become in the IR: renamed ones under their IR names. */
type Mapped<Own, Renames> = Exclude<keyof Own, keyof Renames> | NonNullable<Renames[keyof Renames]>;

/**
 * `true` when the builder's options, renamed as `Renames` says and together with the `Derived`
 * fields the builder computes, are exactly the IR's `Fields`; otherwise the keys that differ.
 */
export type Conforms<Own, Fields extends PropertyKey, Renames extends { readonly [D in keyof Own]?: Fields } = {}, Derived extends Fields = never> =
  Equal<Mapped<Own, Renames> | Derived, Fields> extends true
    ? true
    : { onlyInBuilder: Exclude<Mapped<Own, Renames> | Derived, Fields>; onlyInIr: Exclude<Fields, Mapped<Own, Renames> | Derived> };

/** `true` when a list of keys names every key of `T`; otherwise the missing ones. */
export type Complete<Keys extends PropertyKey, T> = Equal<Keys, keyof T> extends true ? true : { missing: Exclude<keyof T, Keys>; extra: Exclude<Keys, keyof T> };
