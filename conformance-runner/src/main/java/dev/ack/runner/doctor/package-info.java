/**
 * The doctor: checks that an adapter speaks the protocol at all, before any rule is checked, so a
 * broken harness is reported as exactly that and never reads as "0% conformant".
 */
package dev.ack.runner.doctor;
