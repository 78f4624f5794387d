// The fixtures start real victoria-metrics servers (and stop and restart one); nothing runs in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
