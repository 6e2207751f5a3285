// Starts @20minutes/s3rver (an S3-compatible server that verifies AWS Signature V4, unlike the
// original s3rver) on 127.0.0.1 with a bucket "photos" and its default credentials S3RVER/S3RVER.
// Usage: node s3rver-start.js PACKAGE_DIR DATA_DIR. Prints "S3rver listening on 127.0.0.1:PORT".
const S3rver = require(process.argv[2]);

new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory: process.argv[3],
    silent: true,
    configureBuckets: [{ name: 'photos' }],
})
    .run()
    .then(({ address, port }) => console.log(`S3rver listening on ${address}:${port}`))
    .catch((error) => {
        console.error(error);
        process.exit(1);
    });
