vcl 4.1;

# The page cache recipe the docs gave before shared pages, as a CDN that ignores Vary runs it
# (Cloudflare and CloudFront key by what they are told and ignore Vary): shared pages keyed by the
# vtex_segment cookie, only responses without Set-Cookie kept. Measured by bench/cdn.bench.test.ts
# to show what it leaks; not a recipe to use.

import cookie;

backend origin {
    .host = "127.0.0.1";
    .port = "ORIGIN_PORT";
}

sub vcl_recv {
    if (req.url ~ "^/api/") {
        return (pass);
    }
    cookie.parse(req.http.Cookie);
    set req.http.x-segment-cookie = cookie.get("vtex_segment");
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.x-segment-cookie);
    return (lookup);
}

sub vcl_backend_response {
    unset beresp.http.Vary;
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "public") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.x-cache = "HIT";
    } else {
        set resp.http.x-cache = "MISS";
    }
}
