fn main() -> std::process::ExitCode {
    diptych::cli::main()
}
