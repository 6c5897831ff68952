// mimalloc: the analysis makes many small short-lived strings; glibc's malloc spent a fifth
// of its time in allocation and free
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    diptych::cli::main()
}
