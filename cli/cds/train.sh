# Sourced by the launcher (../../chunked-upload) and by generate.sh: the class lists of tiny training
# runs, one per path a command takes, for the launcher's class-data-sharing archive (AppCDS).
# cds_train DIR JAR writes DIR/fs.lst, DIR/s3-http.lst and DIR/s3-https.lst:
#   fs        a put of an empty file to a scratch filesystem store;
#   s3-http   an S3 put to a closed loopback port over plain HTTP, and s3-https the same over TLS:
#             they fail at once, after loading the SDK's request path (the TLS context is built on the
#             first TLS connection only). What a run against a real server adds beyond these (the
#             answers' parsing, the multipart requests; for GCS and Azure, their SDKs) is in
#             *-upload.classlist, made by generate.sh.
cds_train() {
  local dir="$1" jar="$2" scheme
  : > "$dir/empty"
  java -Xshare:off -XX:DumpLoadedClassList="$dir/fs.lst" -jar "$jar" put "$dir/empty" fs://cds/empty \
    -o root="$dir/store" -o fsync=false --quiet >/dev/null 2>&1 || true
  for scheme in http https; do
    java -Xshare:off -XX:DumpLoadedClassList="$dir/s3-$scheme.lst" -jar "$jar" put "$dir/empty" s3://cds/empty \
      -o endpoint=$scheme://127.0.0.1:9 -o access-key-id=cds -o secret-access-key=cds -o connect-timeout=1 \
      -o socket-timeout=1 --retries 1 --quiet >/dev/null 2>&1 || true
  done
}
