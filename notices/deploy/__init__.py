"""Publishing a built site: to S3-compatible object storage, or behind nginx.

- ``kinds``: one table from a file of the site to its Content-Type and Cache-Control, and
  the order in which kinds may go online (shared by object storage and nginx).
- ``s3``: upload what changed to any S3-compatible bucket (AWS S3, Aliyun OSS, Tencent COS,
  Huawei OBS, MinIO), in an order that never leaves a broken link, deletions last.
- ``nginx``: a complete nginx configuration for the built site.
- ``loadtest``: a bounded load test of a served site with ``wrk``.
- ``cli``: the ``python -m notices.deploy`` command line.

May import ``notices.content``, ``notices.outputs`` and ``notices.build``; only
``notices.cli`` and ``tasks.py`` import it (the build never does: precompression, which the
build runs, lives in ``notices.build.precompress``).
"""
