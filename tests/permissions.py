"""Run a command as a user whom file permissions bind, even when the tests run as root.

Root passes every permission check through two capabilities (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH); a child that drops them from its bounding set before ``exec`` loses them,
so the kernel refuses it a read-only folder or an unreadable one exactly as it refuses any user.
"""

import ctypes
import os

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _drop_permission_override() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def bound_by_permissions() -> dict:
    """Keyword arguments for ``subprocess.run`` so the child obeys file permissions."""
    return {"preexec_fn": _drop_permission_override} if os.geteuid() == 0 else {}
