using Coordination.Eventing;
using Coordination.DeceasedReturns;

ServiceHost.Run<DeceasedReturnsModule>(args);
