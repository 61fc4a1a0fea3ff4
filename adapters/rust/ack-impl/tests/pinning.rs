//! Chapter 9: values at real addresses, their moves and pins, and the buffer coroutine under the
//! boxing executor and the shortcut.

use ack_impl::pinning::{
    Addresses, Error, Executor, Heap, MaybeSelfRef, MovableBufferCoroutine, MovableSelfRef, PinnedBufferCoroutine,
    Root, Run, START, SelfRef, ShortcutExecutor, Value,
};

fn responses() -> [String; 2] {
    ["first".into(), "second".into()]
}

fn whole() -> String {
    format!("{START}first\nsecond\n")
}

#[test]
fn a_move_breaks_a_loose_value_and_is_refused_for_a_pinned_one() {
    let heap = Heap::default();
    let mut loose = Value::loose(&heap, MaybeSelfRef::default());
    loose.as_pin_mut().init();
    let created = loose.address();
    let moved = loose.move_out().unwrap();
    assert_ne!(moved, created);
    assert_eq!(loose.b() as usize, created, "b still points at the old place");
    loose.write_through(&heap, 7).unwrap();
    assert_eq!(loose.a(), 0);

    let mut pinned = Value::boxed(&heap, MaybeSelfRef::default());
    pinned.as_pin_mut().init();
    let at = pinned.address();
    assert_eq!(pinned.move_out(), Err(Error::MoveRefused("a move")));
    assert_eq!(pinned.address(), at);
    pinned.write_through(&heap, 7).unwrap();
    assert_eq!(pinned.a(), 7);

    assert_ne!(pinned.move_unchecked(), at, "the escape hatch moves it");
    assert_eq!(pinned.b() as usize, at);
}

#[test]
fn a_pinned_movable_value_moves_and_swaps_and_a_scope_ends() {
    let heap = Heap::default();
    let mut x = Value::boxed(&heap, MovableSelfRef::default());
    let mut y = Value::scoped(&heap, MaybeSelfRef::default());
    *x.as_pin_mut().project().1 = 3;
    let at = x.address();
    assert_ne!(x.move_unpin(), at);
    assert_eq!(x.label(), 3);
    assert_eq!(y.unpinned_mut("a swap").unwrap_err(), Error::MoveRefused("a swap"));
    y.as_pin_mut().init();
    y.end_scope().unwrap();
    assert_eq!(y.end_scope(), Err(Error::NotScoped));
    SelfRef::swap(x.get_mut(), y.unpinned_mut("a swap").unwrap());
    assert_eq!((x.label(), y.label()), (0, 3));
    assert_eq!(x.b() as usize, y.a_address(), "x points into y");
    assert!(y.b().is_null());
    assert_eq!(y.through_b(&heap), Ok(None));
    assert_eq!(y.write_through(&heap, 1), Err(Error::NullPointer));
}

#[test]
fn a_pointer_into_a_dropped_value_is_not_followed() {
    let heap = Heap::default();
    let mut x = Value::boxed(&heap, MovableSelfRef::default());
    x.as_pin_mut().init();
    let mut y = Value::loose(&heap, MovableSelfRef::default());
    SelfRef::swap(x.get_mut(), y.get_mut());
    let a = x.a_address();
    drop(x);
    assert_eq!(y.through_b(&heap), Err(Error::Dangling(a)));
}

#[test]
fn the_inner_part_is_replaced_only_when_it_may_move() {
    let heap = Heap::default();
    let mut movable = Value::boxed(&heap, MovableSelfRef::default());
    movable.as_pin_mut().init();
    movable.as_pin_mut().project().0.get_mut().replace(9);
    assert_eq!((movable.a(), movable.b().is_null()), (9, true));
}

#[test]
fn the_boxing_executor_keeps_the_coroutine_in_place() {
    let heap = Heap::default();
    let polls = Addresses::default();
    let run = Executor::new(&heap).block_on(PinnedBufferCoroutine::new(responses(), polls.clone()));
    assert_eq!(run, Run { output: whole(), shortcut_applied: false, requeued: 2 });
    let polls = polls.to_vec();
    assert_eq!(polls.len(), 3);
    assert!(polls.iter().all(|at| *at == polls[0]), "{polls:x?}");
    assert_eq!(heap.live_blocks(), 0);
}

#[test]
fn the_shortcut_moves_a_movable_coroutine_after_its_first_poll_and_breaks_it() {
    let heap = Heap::default();
    let polls = Addresses::default();
    let run = ShortcutExecutor::new(&heap).block_on(MovableBufferCoroutine::new(responses(), polls.clone()));
    assert_eq!(run, Run { output: START.to_owned(), shortcut_applied: true, requeued: 1 });
    let polls = polls.to_vec();
    assert_ne!(polls[0], polls[1]);
    assert_eq!(polls[1], polls[2]);
    assert_eq!(heap.live_blocks(), 0, "the stale first place is freed at the end");
}

#[test]
fn a_pinned_child_stays_in_place_while_its_root_moves() {
    let heap = Heap::default();
    let (polls, root_polls) = (Addresses::default(), Addresses::default());
    let child = PinnedBufferCoroutine::new(responses(), polls.clone());
    let run = ShortcutExecutor::new(&heap).block_on(Root::new(&heap, child, root_polls.clone()));
    assert_eq!(run, Run { output: whole(), shortcut_applied: true, requeued: 1 });
    let (polls, root_polls) = (polls.to_vec(), root_polls.to_vec());
    assert!(polls.iter().all(|at| *at == polls[0]), "{polls:x?}");
    assert_ne!(root_polls[0], root_polls[1]);
    assert_eq!(heap.live_blocks(), 0);
}

#[test]
fn twenty_thousand_rounds_leave_no_block_behind() {
    let heap = Heap::default();
    for _ in 0..20_000 {
        let mut value = Value::scoped(&heap, MaybeSelfRef::default());
        value.as_pin_mut().init();
        value.end_scope().unwrap();
        value.move_out().unwrap();
        value.move_unchecked();
        assert_eq!(heap.live_blocks(), 3, "the value and its two stale places");
        drop(value);
        ShortcutExecutor::new(&heap).block_on(MovableBufferCoroutine::new(responses(), Addresses::default()));
    }
    assert_eq!(heap.live_blocks(), 0);
}
