package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// loginName is the user's login name for the audit trail when no reviewer
// is configured: $USER, $LOGNAME, else the name /etc/passwd gives this
// process's user ID. Not os/user: built with cgo it asks the C library,
// which may ask nscd, SSSD or an LDAP server over a socket, and assay
// opens no connection.
func (a *app) loginName() string {
	for _, env := range []string{"USER", "LOGNAME"} {
		if u := strings.TrimSpace(a.getenv(env)); u != "" {
			return u
		}
	}
	return passwdName("/etc/passwd", os.Getuid())
}

// passwdName finds uid's name in a passwd file, or "".
func passwdName(path string, uid int) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	want := strconv.Itoa(uid)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// name:password:uid:gid:gecos:home:shell
		fields := strings.Split(sc.Text(), ":")
		if len(fields) >= 3 && fields[2] == want && fields[0] != "" {
			return fields[0]
		}
	}
	return ""
}
