package assess

import "time"

// WriteWait is how long a change waits for another to let go of the
// records it needs before it gives up and says so, with nothing written:
// the workspace's deadline for each save, and on a team database the
// server's lock_timeout for every statement assay sends (a session left
// open with an assessment locked would otherwise hold a command forever).
const WriteWait = 20 * time.Second
