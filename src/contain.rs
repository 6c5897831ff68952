//! Containment: one article or file that trips a bug costs only itself. Work run through
//! [`contain`] that panics gives back the panic's message as an error; the panic hook the
//! front ends install stays quiet for it (the caller reports it as a one-line warning) and
//! speaks only for panics nothing contains.

use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, PanicHookInfo};

thread_local! {
    /// How deep this thread is inside `contain` calls.
    static CONTAINED: Cell<u32> = const { Cell::new(0) };
    /// The message of the last contained panic on this thread.
    static MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs `work`; a panic inside becomes `Err(message)` (one line, with its place in the code).
pub fn contain<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    CONTAINED.with(|c| c.set(c.get() + 1));
    let result = std::panic::catch_unwind(AssertUnwindSafe(work));
    CONTAINED.with(|c| c.set(c.get().saturating_sub(1)));
    result.map_err(|payload| {
        MESSAGE.with(|m| m.borrow_mut().take()).unwrap_or_else(|| payload_message(payload.as_ref()).to_string())
    })
}

/// Whether a panic on this thread now would be contained.
fn contained() -> bool {
    CONTAINED.with(Cell::get) > 0
}

/// A panic's message on one line, with where it happened.
pub fn describe(info: &PanicHookInfo) -> String {
    let msg = payload_message(info.payload());
    let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
    one_line(&format!("{msg}{place}"))
}

fn payload_message(p: &(dyn std::any::Any + Send)) -> &str {
    p.downcast_ref::<&str>().copied().or_else(|| p.downcast_ref::<String>().map(String::as_str)).unwrap_or("panic")
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Installs the process's panic hook: contained panics are kept for their `contain` call,
/// the others go to `uncontained` (which restores a terminal, prints one line).
pub fn install_hook(uncontained: impl Fn(&PanicHookInfo) + Send + Sync + 'static) {
    std::panic::set_hook(Box::new(move |info| {
        if contained() {
            let d = describe(info);
            MESSAGE.with(|m| *m.borrow_mut() = Some(d));
        } else {
            uncontained(info);
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_becomes_an_error_and_the_thread_goes_on() {
        install_hook(|info| eprintln!("{}", describe(info)));
        assert_eq!(contain(|| 2 + 2), Ok(4));
        let e = contain(|| -> u32 { panic!("bad\narticle") }).expect_err("contained");
        assert!(e.starts_with("bad article at src/contain.rs:"), "{e}");
        // nested: the inner one is contained, the outer goes on
        let outer = contain(|| contain(|| panic!("inner")).is_err());
        assert_eq!(outer, Ok(true));
        let _ = std::panic::take_hook();
    }
}
