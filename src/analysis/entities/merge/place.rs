//! Where a candidate stands: its article and its own number.

/// A candidate's place: its article's and its own number. Two `u32`s, not two `usize`s:
/// every candidate of the corpus is held by place through the merge.
pub(super) type Place = (u32, u32);

pub(super) fn place(ai: usize, ci: usize) -> Place {
    (ai as u32, ci as u32)
}
