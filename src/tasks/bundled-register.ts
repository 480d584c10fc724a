/** The register files shipped with the product (data/, Destatis, dl-de/by-2-0). */
export interface BundledRegister {
  readonly gemeinden: Uint8Array;
  readonly kreise: Uint8Array;
}
