"""The README's first command, ``scripts/start.sh``: asked for help, it says how to use it before
installing anything."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_help_is_printed_before_any_install(tmp_path):
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "start.sh", tmp_path / "scripts" / "start.sh")
    setup = tmp_path / "scripts" / "setup.sh"
    setup.write_text("#!/usr/bin/env bash\ntouch installed\n")  # stands in for the install, to see whether it runs
    setup.chmod(0o755)
    for flag in ("--help", "-h"):
        done = subprocess.run(["bash", "scripts/start.sh", "--port", "7861", flag], cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and done.stdout.startswith("Usage: scripts/start.sh")
        assert not (tmp_path / "installed").exists()
