//! The context switch: the only code that moves the CPU from one stack to another.
#![allow(unsafe_code)]

use std::arch::naked_asm;
use std::mem::offset_of;

/// What a suspended context needs to go on: its stack pointer and the registers the x86-64
/// System V calling convention makes callee-saved (FB-19). Everything else a caller of `switch`
/// expects to lose anyway, so `switch` is an ordinary function call to the code around it.
#[derive(Debug, Default)]
#[repr(C)]
pub(crate) struct Context {
    rsp: u64,
    r15: u64,
    r14: u64,
    r13: u64,
    r12: u64,
    rbx: u64,
    rbp: u64,
}

impl Context {
    /// The context of a fiber that has not run yet: the first `switch` to it "returns" into
    /// [`start`], which calls `entry(argument)` on the stack whose (exclusive) end is `top`.
    ///
    /// Layout: `start`'s address is the last word of the 16-byte aligned stack, and `rsp` points
    /// at it. The `ret` of `switch` pops it, leaving `rsp` 16-byte aligned for `start`'s `call`, as
    /// the calling convention requires (FB-21).
    ///
    /// # Safety
    /// `top` must be the end of a writable stack of at least a few KiB that nothing else uses,
    /// and `entry` must never return.
    pub(crate) unsafe fn starting(top: usize, entry: extern "C" fn(usize) -> !, argument: usize) -> Context {
        let top = top & !15;
        let return_address = (top - 8) as *mut u64;
        // SAFETY: the caller guarantees that the stack below `top` is ours to write.
        unsafe { return_address.write(start as *const () as u64) };
        Context { rsp: return_address as u64, r12: entry as usize as u64, r13: argument as u64, ..Context::default() }
    }
}

/// The first code a fiber runs: `entry(argument)`, with both taken from the registers
/// [`Context::starting`] set. `entry` never returns; if it did, `ud2` stops the process rather
/// than running off the end of the stack.
#[unsafe(naked)]
unsafe extern "C" fn start() -> ! {
    naked_asm!("mov rdi, r13", "call r12", "ud2")
}

/// Saves the running context into `old` and resumes `new`: returns when something switches back
/// to `old`.
///
/// # Safety
/// `old` must be valid for writes and `new` must hold a context that was saved by `switch` or made
/// by [`Context::starting`], on a stack that is still alive. Nothing may use `old`'s stack until
/// the switch back.
#[unsafe(naked)]
pub(crate) unsafe extern "C" fn switch(old: *mut Context, new: *const Context) {
    naked_asm!(
        "mov [rdi + {rsp}], rsp",
        "mov [rdi + {r15}], r15",
        "mov [rdi + {r14}], r14",
        "mov [rdi + {r13}], r13",
        "mov [rdi + {r12}], r12",
        "mov [rdi + {rbx}], rbx",
        "mov [rdi + {rbp}], rbp",
        "mov rsp, [rsi + {rsp}]",
        "mov r15, [rsi + {r15}]",
        "mov r14, [rsi + {r14}]",
        "mov r13, [rsi + {r13}]",
        "mov r12, [rsi + {r12}]",
        "mov rbx, [rsi + {rbx}]",
        "mov rbp, [rsi + {rbp}]",
        "ret",
        rsp = const offset_of!(Context, rsp),
        r15 = const offset_of!(Context, r15),
        r14 = const offset_of!(Context, r14),
        r13 = const offset_of!(Context, r13),
        r12 = const offset_of!(Context, r12),
        rbx = const offset_of!(Context, rbx),
        rbp = const offset_of!(Context, rbp),
    )
}
