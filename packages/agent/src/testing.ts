/**
 * Helpers for users' integration tests.
 *
 * @since 0.1.0
 */
export {}
