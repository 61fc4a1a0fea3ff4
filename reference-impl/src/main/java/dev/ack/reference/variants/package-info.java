/**
 * Known-bad variants of the reference: each one a single student mistake, wrong on purpose, to prove
 * that the conformance suite catches it. Run against a variant, the suite must fail exactly the rules
 * the variant declares.
 *
 * <p>The teaching packages hold no trace of them. A variant is a small subclass of a teaching class
 * that changes one of its documented seams (a registry's event bits, a scheduler's choice of the next
 * context, an executor's choice of the next task, a pin's refusal, ...), and it declares itself as a
 * {@link dev.ack.reference.variants.KnownBadVariant}: its name on the command line, its area, the
 * mistake and the rules it fails. {@link dev.ack.reference.variants.KnownBadVariants} is the one list
 * of them. The reference adapter makes each area's objects through that area's factory
 * ({@link dev.ack.reference.variants.EventQueueFactory}, {@link dev.ack.reference.variants.FibersFactory},
 * {@link dev.ack.reference.variants.CoroutinesFactory}, {@link dev.ack.reference.variants.WakersFactory},
 * {@link dev.ack.reference.variants.PinningFactory}):
 * the reference's, or in the one area a variant breaks, the variant's.
 */
package dev.ack.reference.variants;
