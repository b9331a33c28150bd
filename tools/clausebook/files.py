"""Writing a file so that it is either the new content or what it was: never half written.

`write_atomically` writes to a temporary file in the target's folder and
renames it over the target (`os.replace`, atomic on one file system). The
new file gets the mode an ordinary new file would (0666 less the umask).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from clausebook.core.errors import UsageError


def write_atomically(target: Path, data: bytes | str) -> None:
    """Write `data` (text as UTF-8) to `target` through a temporary file beside it, then rename it."""
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"{target}: the folder {folder} does not exist")
    if target.is_dir():
        raise UsageError(f"{target}: is a folder; give a file's name")
    content = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"{target}: cannot write there ({exc.strerror})") from None
    mask = os.umask(0)
    os.umask(mask)
    try:
        os.chmod(temporary, 0o666 & ~mask)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UsageError(f"{target}: cannot write it ({exc.strerror}); nothing was changed") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
