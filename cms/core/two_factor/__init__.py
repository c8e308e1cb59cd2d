"""Staff sign-in: lockout after failed passwords (django-axes) and two-factor
authentication with TOTP and recovery codes (django-otp), required for the roles that see
case data (docs/security.md)."""
