package schema

import "errors"

// Error kinds. Wrap them with detail, e.g.
// fmt.Errorf("%w: claim %q has no speaker", schema.ErrInvalid, id); the API
// maps each kind to one HTTP status.
var (
	ErrNotFound = errors.New("not found")
	ErrInvalid  = errors.New("invalid")
	ErrConflict = errors.New("conflict")
)
