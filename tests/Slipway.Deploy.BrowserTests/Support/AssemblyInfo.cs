// Journeys run one at a time: each starts a service whose workers run real engine processes, and two cores shared
// with a browser are enough for one journey, not five.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
