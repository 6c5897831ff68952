#!/usr/bin/env python3
"""Time from starting the reader to its first frame (the article list), and from a filter key
press to the frame that shows the filter, in a pseudo-terminal of 120x40.
With a third argument SECONDS, also the same key press that many seconds later, once the
background analysis has arrived (the reader must stay responsive then too).
Usage: scripts/first-frame.py BIN CORPUS_DIR [SECONDS]"""
import os, pty, select, struct, sys, time, fcntl, termios

def read_until(fd, needle, timeout=60.0):
    buf = b""
    end = time.monotonic() + timeout
    while needle not in buf:
        left = end - time.monotonic()
        if left <= 0:
            raise SystemExit(f"timed out waiting for {needle!r}")
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                buf += os.read(fd, 65536)
            except OSError:
                break
    return buf

def drain(fd):
    while select.select([fd], [], [], 0.05)[0]:
        os.read(fd, 65536)

def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, "--corpus", corpus])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    t0 = time.monotonic()
    read_until(fd, b"articles")
    first = time.monotonic() - t0
    time.sleep(0.5)
    os.write(fd, b"/")
    time.sleep(0.5)
    drain(fd)
    t1 = time.monotonic()
    os.write(fd, b"z")
    # the frame that shows the letter: ratatui writes only the cells that change, so the
    # letter comes with the prompt's cursor (other frames may come first while files load)
    read_until(fd, "z\u258f".encode(), 10)
    key = time.monotonic() - t1
    later = ""
    if len(sys.argv) > 3:
        time.sleep(float(sys.argv[3]))
        drain(fd)
        t2 = time.monotonic()
        os.write(fd, b"y")
        read_until(fd, "y\u258f".encode(), 30)
        later = f", {sys.argv[3]} s later {(time.monotonic() - t2) * 1000:.0f} ms"
    os.write(fd, b"\x1b")
    # apart, or the two bytes read as Alt-q
    time.sleep(0.3)
    os.write(fd, b"q")
    # keep reading: a reader blocked on a full pty never sees the q
    end = time.monotonic() + 30
    while time.monotonic() < end:
        try:
            if select.select([fd], [], [], 1)[0] and not os.read(fd, 65536):
                break
        except OSError:
            break
    else:
        os.kill(pid, 9)
    os.waitpid(pid, 0)
    print(f"first frame {first:.3f} s, filter key to frame {key * 1000:.0f} ms{later}")

main()
