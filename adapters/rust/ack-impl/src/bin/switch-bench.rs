//! The cost of one fiber switch, in ns, measured like the Java reference's JMH benchmark
//! (benchmarks/…/SwitchBenchmark.java, `fiberYield`): two fibers that yield forever, in a runtime
//! of three slots; a yield of the base context is one round of the rotation, base to fiber 1 to
//! fiber 2 to base, so three switches. Timed in rounds (warm-up first, as JMH's `-wi 3 -i 5 -w 1s
//! -r 1s`); the figure is the median round.
//!
//! `cargo run --offline --release --bin switch-bench [-- <warm-up rounds> <rounds> <seconds per round>]`

use std::cell::Cell;
use std::error::Error;
use std::rc::Rc;
use std::time::{Duration, Instant};

use ack_impl::fibers::{DEFAULT_STACK_SIZE, Runtime};

/// Base-context yields between two looks at the clock.
const BATCH: u32 = 10_000;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1).map(|arg| arg.parse::<u64>());
    let warm_up = args.next().transpose()?.unwrap_or(3);
    let rounds = args.next().transpose()?.unwrap_or(5).max(1);
    let round_time = Duration::from_secs(args.next().transpose()?.unwrap_or(1));

    let runtime = Runtime::new(3, DEFAULT_STACK_SIZE)?;
    let stop = Rc::new(Cell::new(false));
    for _ in 0..2 {
        let (fiber, stop) = (runtime.clone(), Rc::clone(&stop));
        runtime.spawn(move || {
            while !stop.get() {
                fiber.yield_now();
            }
        })?;
    }

    let mut measured = Vec::new();
    for round in 0..warm_up + rounds {
        let start = Instant::now();
        let mut yields = 0u64;
        while start.elapsed() < round_time {
            for _ in 0..BATCH {
                runtime.yield_now();
            }
            yields += u64::from(BATCH);
        }
        let ns_per_switch = start.elapsed().as_nanos() as f64 / (3 * yields) as f64;
        let kind = if round < warm_up { "warm-up" } else { "round" };
        println!("{kind} {}: {ns_per_switch:.2} ns/switch", round + 1);
        if round >= warm_up {
            measured.push(ns_per_switch);
        }
    }
    stop.set(true);
    runtime.run();

    measured.sort_by(f64::total_cmp);
    let median = measured[measured.len() / 2];
    let (min, max) = (measured[0], measured[measured.len() - 1]);
    println!("fiber switch: median {median:.2} ns (min {min:.2}, max {max:.2}) over {rounds} rounds");
    Ok(())
}
