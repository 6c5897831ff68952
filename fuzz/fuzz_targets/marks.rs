//! Quotation marks on arbitrary text: spans in order, on character boundaries, not nested.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let p = String::from_utf8_lossy(data);
    let spans = diptych::analysis::marks::spans(&p, 0);
    let mut last = 0;
    for s in spans {
        assert!(s.open >= last && s.inner_start <= s.inner_end && s.inner_end <= s.close_end);
        assert!(p.get(s.inner_start..s.inner_end).is_some());
        last = s.close_end;
    }
});
