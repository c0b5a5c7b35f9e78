package store

import (
	"context"
	"net"
	"syscall"
	"testing"
	"time"
)

// Team connections ask the kernel to probe a silent peer sooner than Go's
// default (15 s idle, then 9 probes 15 s apart): teamKeepAlive's, read
// back from the socket the connection string's dialer opens.
func TestTeamConnectionsProbeASilentPeer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cfg, err := teamConfig("postgres://ana@" + ln.Addr().String() + "/privacy")
	if err != nil {
		t.Fatal(err)
	}
	c, err := cfg.DialFunc(context.Background(), "tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	raw, err := c.(*net.TCPConn).SyscallConn()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	opts := map[string][2]int{
		"SO_KEEPALIVE": {syscall.SOL_SOCKET, syscall.SO_KEEPALIVE},
		"TCP_KEEPIDLE": {syscall.IPPROTO_TCP, syscall.TCP_KEEPIDLE}, "TCP_KEEPINTVL": {syscall.IPPROTO_TCP, syscall.TCP_KEEPINTVL},
		"TCP_KEEPCNT": {syscall.IPPROTO_TCP, syscall.TCP_KEEPCNT},
	}
	raw.Control(func(fd uintptr) {
		for name, o := range opts {
			v, err := syscall.GetsockoptInt(int(fd), o[0], o[1])
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			got[name] = v
		}
	})
	want := map[string]int{"SO_KEEPALIVE": 1, "TCP_KEEPIDLE": int(teamKeepAlive.Idle.Seconds()),
		"TCP_KEEPINTVL": int(teamKeepAlive.Interval.Seconds()), "TCP_KEEPCNT": teamKeepAlive.Count}
	for name, v := range want {
		if got[name] != v {
			t.Errorf("%s = %d, want %d", name, got[name], v)
		}
	}
	if worst := teamKeepAlive.Idle + time.Duration(teamKeepAlive.Count)*teamKeepAlive.Interval; worst > time.Minute {
		t.Errorf("a silent peer is found after %s, want a minute at most", worst)
	}
}
