"""A per-checkout encryption key for development, so `make demo` runs with no variables.

Production never uses it: its settings require FIELD_ENCRYPTION_KEY.
"""

from pathlib import Path

KEY_FILE = ".field-encryption-key"


def read_local_key(base_dir):
    path = Path(base_dir) / KEY_FILE
    return path.read_text(encoding="ascii").strip() if path.exists() else ""


def create_local_key(base_dir):
    """The path of the key file, created if missing; (path, created)."""
    from cryptography.fernet import Fernet

    path = Path(base_dir) / KEY_FILE
    if path.exists():
        return path, False
    path.write_text(Fernet.generate_key().decode() + "\n", encoding="ascii")
    path.chmod(0o600)
    return path, True
