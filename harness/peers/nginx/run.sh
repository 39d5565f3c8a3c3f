#!/bin/sh
# nginx static floor: a generated config serving fixed bodies for /api/noop
# and /api/health, one worker, unprivileged, in the foreground, on loopback.
#   harness/peers/nginx/run.sh PORT [WORKDIR]
set -eu
port=${1:-8080}
dir=${2:-$(mktemp -d)}
mkdir -p "$dir/logs"
cat > "$dir/nginx.conf" <<CONF
worker_processes 1;
daemon off;
master_process off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port reuseport;
    default_type application/json;
    location = /api/noop { return 200 '{"ok":true}'; }
    location = /api/health { return 200 '{"status":"ok","runtime":"kite","timestamp":0}'; }
    location / { return 404 '{"error":"Not Found"}'; }
  }
}
CONF
echo "nginx: listening on http://127.0.0.1:$port"
exec nginx -p "$dir" -c "$dir/nginx.conf"
